public import KubeModel

/// One set of parameters a generator produces, from which one Application is rendered.
///
/// In fasttemplate mode keys are flat and may contain dots (`path.basename`, `metadata.labels.env`)
/// and values are strings; in goTemplate mode values nest (`path` is an object with `basename` and
/// `segments`), as upstream hands them to Go templates.
public typealias ParameterSet = [String: JSONValue]

// JSONObject is an OrderedDictionary; users of KubeModel need its members without a second import.
@_exported public import OrderedCollections

/// Go's text/template language and the Sprig function library, with no knowledge of Helm.
public enum GoTemplate {}

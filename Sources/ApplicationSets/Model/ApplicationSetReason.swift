/// Upstream's condition types and reasons on `ApplicationSet.status.conditions`.
public enum ApplicationSetReason {
    /// Condition type: something went wrong (status True) or not (False).
    public static let errorOccurredType = "ErrorOccurred"
    /// Condition type: the generators produced their parameters.
    public static let parametersGeneratedType = "ParametersGenerated"
    /// Condition type: the Applications match what the ApplicationSet generates.
    public static let resourcesUpToDateType = "ResourcesUpToDate"
    /// Condition type: a RollingSync is moving through its steps.
    public static let rolloutProgressingType = "RolloutProgressing"

    /// Something went wrong (the reason of the conditions that an error turns False).
    public static let errorOccurred = "ErrorOccurred"
    /// Everything is as generated.
    public static let upToDate = "ApplicationSetUpToDate"
    /// The parameters were generated.
    public static let parametersGenerated = "ParametersGenerated"
    /// A generator failed.
    public static let generationError = "ApplicationGenerationFromParamsError"
    /// A template could not be rendered with a parameter set.
    public static let renderError = "RenderTemplateParamsError"
    /// A rendered Application is not valid.
    public static let validationError = "ApplicationValidationError"
    /// An Application could not be created.
    public static let createError = "CreateApplicationError"
    /// An Application could not be updated.
    public static let updateError = "UpdateApplicationError"
    /// An Application could not be deleted.
    public static let deleteError = "DeleteApplicationError"
    /// A RollingSync step is being rolled out.
    public static let modified = "ApplicationSetModified"
    /// Every RollingSync step is done.
    public static let rolloutComplete = "ApplicationSetRolloutComplete"
    /// A RollingSync could not start a sync.
    public static let syncError = "SyncApplicationError"
}

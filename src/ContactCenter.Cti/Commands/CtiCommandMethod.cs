namespace ContactCenter.Cti.Commands;

/// <summary>How a command is called (CTI-06): queries by GET with query parameters, actions by POST with a JSON body.</summary>
public enum CtiCommandMethod
{
    /// <summary>A query: parameters in the query string, no change of state.</summary>
    Get,

    /// <summary>An action: a JSON object body.</summary>
    Post,
}

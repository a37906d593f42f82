namespace ContactCenter.Telephony.Calls;

/// <summary>What an ACD service may forbid its agents to do with its calls (ACD-01 permissions).</summary>
public enum CallPermission
{
    Consult,
    Transfer,
    Conference,
}

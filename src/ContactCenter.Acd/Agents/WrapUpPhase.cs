namespace ContactCenter.Acd.Agents;

/// <summary>The two cumulative service times after an interaction (ACD-02).</summary>
public enum WrapUpPhase
{
    Classification,
    PostCall,
}

using Microsoft.Extensions.Options;

namespace ContactCenter.Cti.Hosting;

/// <summary>Refuses to start on a bad CTI setting, naming the key.</summary>
internal sealed class CtiOptionsValidator : IValidateOptions<CtiOptions>
{
    public ValidateOptionsResult Validate(string? name, CtiOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}

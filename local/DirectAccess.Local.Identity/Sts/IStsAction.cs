using System.Xml.Linq;

namespace DirectAccess.Local.Identity.Sts;

/// <summary>One STS action (botocore <c>sts</c> 2011-06-15).</summary>
public interface IStsAction
{
    /// <summary>The <c>Action</c> parameter value, e.g. <c>GetCallerIdentity</c>.</summary>
    string Name { get; }

    /// <summary>The members of <c>&lt;{Action}Result&gt;</c>.</summary>
    /// <exception cref="StsException">Any AWS-shaped failure.</exception>
    XElement[] Execute(StsCall call);
}

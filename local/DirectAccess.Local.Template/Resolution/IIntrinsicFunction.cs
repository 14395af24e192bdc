using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resolution;

/// <summary>One CloudFormation intrinsic function (<c>Ref</c>, <c>Fn::Sub</c>, ...).</summary>
internal interface IIntrinsicFunction
{
    /// <summary>The long-form key, e.g. <c>Fn::Join</c>.</summary>
    string Name { get; }

    /// <summary>Evaluates the call. <paramref name="argument"/> is unresolved; the function resolves what it needs.</summary>
    TemplateNode Invoke(TemplateNode argument, IntrinsicResolver resolver, PropertyPath at);
}

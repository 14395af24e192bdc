using DirectAccess.Local.Model;

namespace DirectAccess.Local.Template.Resolution;

/// <summary>Where in the template a value sits: a resource's logical id (or a section) and a dotted property path.</summary>
internal sealed record PropertyPath(string Resource, string Property)
{
    /// <summary>The path of a nested property.</summary>
    public PropertyPath Child(string name) => this with { Property = Property.Length == 0 ? name : $"{Property}.{name}" };

    /// <summary>The path of a list item.</summary>
    public PropertyPath Item(int index) => this with { Property = $"{Property}[{index}]" };

    /// <summary>An exception naming this place.</summary>
    public TemplateException Error(string message) => new(Resource, Property.Length == 0 ? "(resource)" : Property, message);
}

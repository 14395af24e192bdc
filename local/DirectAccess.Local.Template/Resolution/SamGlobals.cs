using DirectAccess.Local.Model;
using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resolution;

/// <summary>
/// SAM <c>Globals</c> (SAM specification, "Globals section"): <c>Globals.Function</c> properties apply to every
/// <c>AWS::Serverless::Function</c>; a function's own value wins, except mappings (e.g. <c>Environment</c>) whose
/// keys are merged. Other global sections name resource types the local cloud does not serve and are refused.
/// </summary>
internal static class SamGlobals
{
    /// <summary>The function globals (empty when absent).</summary>
    public static MappingNode FunctionGlobals(MappingNode globals)
    {
        foreach (var (key, _) in globals.Entries.Where(e => e.Key != "Function"))
        {
            throw new TemplateException("Globals", key, "Only Globals.Function is supported locally.");
        }

        return globals.Get("Function") as MappingNode ?? new MappingNode([]);
    }

    /// <summary>Merges <paramref name="globals"/> under <paramref name="own"/>.</summary>
    public static MappingNode Merge(MappingNode globals, MappingNode own)
    {
        var merged = new List<KeyValuePair<string, TemplateNode>>();
        foreach (var (key, global) in globals.Entries)
        {
            var mine = own.Get(key);
            merged.Add(new(key, (global, mine) switch
            {
                (_, null) => global,
                (MappingNode g, MappingNode m) when !m.TryGetIntrinsic(out _, out _) && !g.TryGetIntrinsic(out _, out _) => Merge(g, m),
                _ => mine,
            }));
        }

        merged.AddRange(own.Entries.Where(e => globals.Get(e.Key) is null));
        return new MappingNode(merged);
    }
}

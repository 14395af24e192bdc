using FsCheck;
using FsCheck.Fluent;
using static DirectAccess.Policies.Tests.PolicyBuilder;

namespace DirectAccess.Policies.Tests;

/// <summary>
/// Property tests: the engine's wildcard matching agrees with an independent reference matcher (a memoised recursive
/// definition of '*' and '?') for resources, actions, StringLike and per-part ArnLike.
/// </summary>
public class WildcardPropertyTests
{
    private const int Runs = 600;

    /// <summary>Small alphabets make collisions (and so interesting matches) likely.</summary>
    private static readonly Arbitrary<string> Patterns = Gen.Elements('a', 'b', 'B', '/', '*', '?').ArrayOf().Select(c => new string(c)).ToArbitrary();

    private static readonly Arbitrary<string> Inputs = Gen.Elements('a', 'b', 'B', '/', '*').ArrayOf().Select(c => new string(c)).ToArbitrary();

    private static readonly Arbitrary<string> ArnPatterns = Gen.Elements('a', 'b', ':', '*', '?').ArrayOf().Select(c => new string(c)).ToArbitrary();

    private static readonly Arbitrary<string> ArnInputs = Gen.Elements('a', 'b', ':').ArrayOf().Select(c => new string(c)).ToArbitrary();

    [FsCheck.NUnit.Property(MaxTest = Runs)]
    public Property Resource_matching_agrees_with_the_reference() =>
        Prop.ForAll(Patterns, Inputs, (pattern, input) =>
        {
            var engine = Decide(Allow("s3:GetObject", Bucket + "/" + pattern), "s3:GetObject", Bucket + "/" + input) == DecisionKind.Allow;
            return engine == ReferenceGlob.Matches(pattern, input, ignoreCase: false);
        });

    [FsCheck.NUnit.Property(MaxTest = Runs)]
    public Property Action_matching_agrees_with_the_reference_ignoring_case() =>
        Prop.ForAll(Patterns, Inputs, (pattern, input) =>
        {
            var actionPattern = "svc:x" + pattern.Replace('/', '-');
            var action = "SVC:X" + input.Replace('/', '-').Replace('*', 'c');
            var engine = Decide(Allow(actionPattern, "*"), action, Bucket) == DecisionKind.Allow;
            return engine == ReferenceGlob.Matches(actionPattern, action, ignoreCase: true);
        });

    [FsCheck.NUnit.Property(MaxTest = Runs)]
    public Property StringLike_with_a_variable_agrees_with_the_reference() =>
        Prop.ForAll(Patterns, Inputs, Inputs, (pattern, value, input) =>
        {
            // The variable's value is literal text: escape it for the reference by comparing against the expanded
            // pattern only when the value has no wildcard characters.
            var condition = "{\"StringLike\": {\"test:key\": \"" + pattern + "${test:var}\"}}";
            var engine = UnderCondition(condition, Key("test:key", input), Key("test:var", value)) == DecisionKind.Allow;
            return value.Contains('*')
                ? engine == ReferenceGlob.MatchesWithLiteralSuffix(pattern, value, input)
                : engine == ReferenceGlob.Matches(pattern + value, input, ignoreCase: false);
        });

    [FsCheck.NUnit.Property(MaxTest = Runs)]
    public Property ArnLike_matches_each_of_six_parts_separately() =>
        Prop.ForAll(ArnPatterns, ArnInputs, (pattern, input) =>
        {
            var arnPattern = "arn:p:s:r:a:" + pattern;
            var arn = "arn:p:s:r:a:" + input;
            var reference = ReferenceGlob.ArnMatches("arn:p:s:r:" + pattern, "arn:p:s:r:" + input);
            var engineShifted = UnderCondition(ArnLike("arn:p:s:r:" + pattern + ":z"),
                Key("test:arn", "arn:p:s:r:" + input + ":z")) == DecisionKind.Allow;
            var referenceShifted = ReferenceGlob.ArnMatches("arn:p:s:r:" + pattern + ":z", "arn:p:s:r:" + input + ":z");
            var engine = UnderCondition(ArnLike(arnPattern), Key("test:arn", arn)) == DecisionKind.Allow;
            return engine == ReferenceGlob.ArnMatches(arnPattern, arn) && engineShifted == referenceShifted && reference == ReferenceGlob.ArnMatches("arn:p:s:r:" + pattern, "arn:p:s:r:" + input);
        });

    private static string ArnLike(string pattern) => "{\"ArnLike\": {\"test:arn\": \"" + pattern + "\"}}";

    [Test]
    public void Reference_matcher_sanity()
    {
        Assert.That(ReferenceGlob.Matches("a*b?", "aXXbY", false), Is.True);
        Assert.That(ReferenceGlob.Matches("a*b?", "aXXb", false), Is.False);
        Assert.That(ReferenceGlob.Matches("", "", false), Is.True);
        Assert.That(ReferenceGlob.Matches("*", "", false), Is.True);
        Assert.That(ReferenceGlob.ArnMatches("arn:*:s:r:a:x", "arn:p:q:s:r:a:x"), Is.False);
    }

    /// <summary>Independent reference: the textbook recursive definition, memoised.</summary>
    private static class ReferenceGlob
    {
        public static bool Matches(string pattern, string input, bool ignoreCase)
        {
            if (ignoreCase)
            {
                pattern = pattern.ToLowerInvariant();
                input = input.ToLowerInvariant();
            }

            var memo = new Dictionary<(int, int), bool>();
            bool Match(int p, int i)
            {
                if (memo.TryGetValue((p, i), out var known))
                {
                    return known;
                }

                bool result;
                if (p == pattern.Length)
                {
                    result = i == input.Length;
                }
                else if (pattern[p] == '*')
                {
                    result = Match(p + 1, i) || (i < input.Length && Match(p, i + 1));
                }
                else
                {
                    result = i < input.Length && (pattern[p] == '?' || pattern[p] == input[i]) && Match(p + 1, i + 1);
                }

                memo[(p, i)] = result;
                return result;
            }

            return Match(0, 0);
        }

        /// <summary>Pattern followed by literal text (which may contain '*'): some split of input must satisfy both.</summary>
        public static bool MatchesWithLiteralSuffix(string pattern, string literal, string input) =>
            input.EndsWith(literal, StringComparison.Ordinal) && Matches(pattern, input[..^literal.Length], false);

        public static bool ArnMatches(string pattern, string arn)
        {
            var patternParts = pattern.Split(':', 6);
            var arnParts = arn.Split(':', 6);
            return patternParts.Length == 6 && arnParts.Length == 6
                && patternParts.Zip(arnParts).All(pair => Matches(pair.First, pair.Second, false));
        }
    }
}

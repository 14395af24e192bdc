namespace DirectAccess.Client.Config;

/// <summary>The configuration file or environment is unusable (bad JSON, missing key, bad endpoint URL).</summary>
public sealed class DirectAccessConfigException(string message) : Exception(message);

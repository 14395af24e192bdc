using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using DirectAccess.Functions.Worker.Context;
using DirectAccess.Functions.Worker.Functions;
using DirectAccess.Functions.Worker.Logging;
using DirectAccess.Functions.Worker.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DirectAccess.Functions.Worker.Hosting;

/// <summary>
/// Collects services, configuration, logging, middleware and function registrations, then builds a
/// <see cref="FunctionsWorkerHost"/>. Registration is explicit (no reflection scanning), so the worker stays
/// trim- and Native-AOT-safe.
/// </summary>
public sealed class FunctionsApplicationBuilder
{
    private readonly List<Type> _middleware = [];
    private readonly Dictionary<string, FunctionDefinition> _functions = new(StringComparer.Ordinal);
    private bool _built;

    internal FunctionsApplicationBuilder()
    {
        Configuration = new ConfigurationManager();
        Configuration.AddEnvironmentVariables();
        Services = new ServiceCollection();
        Services.AddSingleton<IConfiguration>(Configuration);
        Services.AddSingleton(TimeProvider.System);
        Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Information)
            .AddProvider(new JsonLineLoggerProvider(Console.OpenStandardOutput())));
        Logging = new WorkerLoggingBuilder(Services);
    }

    /// <summary>The services; every invocation gets its own scope of them.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The configuration: environment variables first; sources added later override them.</summary>
    public ConfigurationManager Configuration { get; }

    /// <summary>Logging set-up; by default JSON lines on stdout at Information and above.</summary>
    public ILoggingBuilder Logging { get; }

    /// <summary>The names registered so far, in registration order.</summary>
    public IReadOnlyCollection<string> FunctionNames => _functions.Keys;

    /// <summary>Adds <typeparamref name="TMiddleware"/> (a singleton) to the pipeline; the first added runs outermost.</summary>
    /// <typeparam name="TMiddleware">The middleware type, constructed by DI.</typeparam>
    /// <returns>This builder.</returns>
    public FunctionsApplicationBuilder UseMiddleware<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TMiddleware>()
        where TMiddleware : class, IFunctionsWorkerMiddleware
    {
        Services.AddSingleton<TMiddleware>();
        _middleware.Add(typeof(TMiddleware));
        return this;
    }

    /// <summary>
    /// Registers a function with a typed JSON request and response; <typeparamref name="TFunction"/> is registered as a
    /// scoped service. <paramref name="json"/> is a source-generated <c>JsonSerializerContext</c> that lists both types;
    /// their metadata is looked up only for the function this process serves, so unused functions cost no start-up time.
    /// </summary>
    /// <typeparam name="TFunction">The function class.</typeparam>
    /// <typeparam name="TRequest">The payload type.</typeparam>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="name">The name <c>DIRECTACCESS_FUNCTION</c> selects it by (ordinal, case-sensitive).</param>
    /// <param name="json">The source-generated context with <c>[JsonSerializable]</c> for both types (a missing one is an init error).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The name is empty or already registered.</exception>
    public FunctionsApplicationBuilder AddFunction<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TFunction, TRequest, TResponse>(
        string name, JsonSerializerContext json)
        where TFunction : class, IFunction<TRequest, TResponse>
    {
        ArgumentNullException.ThrowIfNull(json);
        return Register<TFunction>(name, () => FunctionExecutors.Typed<TFunction, TRequest, TResponse>(json));
    }

    /// <summary>Registers a function that works on the raw payload and response streams; it is registered as a scoped service.</summary>
    /// <typeparam name="TFunction">The function class.</typeparam>
    /// <param name="name">The name <c>DIRECTACCESS_FUNCTION</c> selects it by (ordinal, case-sensitive).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The name is empty or already registered.</exception>
    public FunctionsApplicationBuilder AddStreamFunction<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TFunction>(string name)
        where TFunction : class, IStreamFunction =>
        Register<TFunction>(name, FunctionExecutors.Stream<TFunction>);

    /// <summary>Builds the host. The function to serve is chosen when the host runs, so an unknown name is an init error.</summary>
    /// <returns>The host.</returns>
    /// <exception cref="InvalidOperationException">Build was already called.</exception>
    public FunctionsWorkerHost Build()
    {
        if (_built)
        {
            throw new InvalidOperationException("Build may be called once.");
        }

        _built = true;
        var services = Services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = false });
        var middleware = _middleware.Select(type => (IFunctionsWorkerMiddleware)services.GetRequiredService(type)).ToArray();
        return new FunctionsWorkerHost(services, Configuration, FunctionEnvironment.From(Configuration), middleware, _functions);
    }

    private FunctionsApplicationBuilder Register<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TFunction>(
        string name, Func<FunctionExecutionDelegate> createExecutor)
        where TFunction : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_functions.TryAdd(name, new FunctionDefinition(name, typeof(TFunction), createExecutor)))
        {
            throw new ArgumentException($"A function named '{name}' is already registered.", nameof(name));
        }

        Services.AddScoped<TFunction>();
        return this;
    }

    private sealed class WorkerLoggingBuilder(IServiceCollection services) : ILoggingBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}

// The worker library (issue 4) lives in this folder: host builder, FunctionContext, middleware, Runtime API loop.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("DirectAccess.Functions.Tests")]

// The client SDK (issue 7) lives in this folder.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("DirectAccess.Client.Tests")]

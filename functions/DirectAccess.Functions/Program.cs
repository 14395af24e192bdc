// The DirectAccess functions executable (issue 4): composes the worker and registers WhoAmI, ProcessUpload,
// ShareFile and AdminReport.
Console.Error.WriteLine("DirectAccess.Functions: not built yet");
return 1;

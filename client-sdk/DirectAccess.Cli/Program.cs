using DirectAccess.Cli;

// directaccess <command> ...  — every command group lives in its own file under Commands/ and is added in CliApp.
return await CliApp.RunAsync(args);

"""Recording and reading learners' progress. Views, tasks and loaders call these; nothing else
writes progress rows."""

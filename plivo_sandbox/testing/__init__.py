"""For test suites: the sandbox as a process, the pytest plugin, Plivo's SDK pointed at one."""

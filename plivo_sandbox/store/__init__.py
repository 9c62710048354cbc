"""Where the state lives: the store's interface, SQLite behind it, writers' turns across workers."""

"""Pure clinical rules: no Flask, no database, no clock."""

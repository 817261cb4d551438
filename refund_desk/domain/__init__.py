"""Pure rules of the refund process: no Qt, no peewee, no I/O."""

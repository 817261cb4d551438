"""The peewee store: models, opening, migrations, and the services that change data."""

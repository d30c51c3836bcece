"""The web app for clinical writers (`necessity serve`): the CLI's pipeline behind FastAPI."""

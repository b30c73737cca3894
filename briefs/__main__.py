from briefs.cli import app

app()

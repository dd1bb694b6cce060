"""Flask extensions, created once and bound to the app in create_app."""

from flask_babel import Babel
from flask_compress import Compress
from flask_migrate import Migrate
from flask_wtf.csrf import CSRFProtect

from webapp.models import db

babel = Babel()
compress = Compress()
csrf = CSRFProtect()
migrate = Migrate(db=db, directory="migrations", render_as_batch=True, compare_type=True)

__all__ = ["babel", "compress", "csrf", "db", "migrate"]

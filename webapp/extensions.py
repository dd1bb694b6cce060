"""Flask extensions, created once and bound to the app in create_app."""

from flask_babel import Babel
from flask_compress import Compress
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_wtf.csrf import CSRFProtect

from webapp.models import db

babel = Babel()
compress = Compress()
csrf = CSRFProtect()
# Keyed by the client's address; behind a proxy, ProxyFix must set remote_addr first.
limiter = Limiter(key_func=get_remote_address)
login_manager = LoginManager()
migrate = Migrate(db=db, directory="migrations", render_as_batch=True, compare_type=True)

__all__ = ["babel", "compress", "csrf", "db", "limiter", "login_manager", "migrate"]

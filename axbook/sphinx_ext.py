"""Sphinx extension for the site: keep pages free of scripts the book does not use.

JB1 always loads sphinx-thebe, which injects an inline `const THEBE_JS_URL = "https://unpkg.com/..."`
script (twice, throwing "already been declared" in the console) and names a third-party host. The book
has no live kernels, so its listeners are removed before they run.
"""


def _drop_thebe(app):
    for listeners in app.events.listeners.values():
        for listener in list(listeners):
            if getattr(listener.handler, "__module__", "").startswith("sphinx_thebe"):
                app.disconnect(listener.id)


def setup(app):
    app.connect("builder-inited", _drop_thebe, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

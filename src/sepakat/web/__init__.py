"""The analysts' pages: server-rendered Jinja2 over the one query layer.

pages      the routes (GET pages whose state is their URL; POST forms with CSRF)
charts     SVG charts drawn on the server (bars, timeline, small multiples, graph)
i18n       the interface in English and Indonesian
templates  Jinja2 templates (autoescaped); static: CSS and htmx 2.0.11, vendored
"""

"""Settings every gunicorn start of the gateway shares (gunicorn reads ./gunicorn.conf.py).

keepalive: gunicorn closes an idle keep-alive connection after 2 s by default. Twilio, a proxy
or a load generator that reuses a connection after 2-3 s then sends into a socket the server
is closing and gets a reset instead of an answer (a caller's webhook lost). Idle connections are
kept well past the longest pause between a client's requests instead.
"""
keepalive = 75

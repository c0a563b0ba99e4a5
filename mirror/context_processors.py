from . import signing


def mirror(request) -> dict:
    """The public key that signs static copies of the site, for the footer (if there is one)."""
    pem = signing.site_public_pem()
    if pem is None:
        return {"mirror_key": None}
    return {
        "mirror_key": {
            "url": f"/{signing.PUBLIC_KEY_PATH}",
            "fingerprint": signing.fingerprint(pem),
        }
    }

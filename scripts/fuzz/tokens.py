"""Signs the fuzzer's accounts in and prints `NAME=value` lines for the shell: their tokens and
the id of the demo account that operations on one user act on.

Usage: tokens.py BASE_URL ADMIN_USERNAME ADMIN_INITIAL ADMIN_PASSWORD DEMO_PASSWORD
The administrator was created with ADMIN_INITIAL, which must be changed at first sign-in.
"""

import json
import sys
import urllib.request

# The demo account that operations on one user act on.
VICTIM = "lv.laoshi"


def post(base, path, body, token=None):
    request = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def get(base, path, token):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def sign_in(base, username, password):
    return post(base, "/api/v1/auth/login", {"username": username, "password": password})["accessToken"]


def main():
    base, admin, initial, password, demo = sys.argv[1:6]
    first = sign_in(base, admin, initial)
    changed = post(base, "/api/v1/me/password", {"oldPassword": initial, "newPassword": password}, first)
    admin_token = changed["accessToken"]
    print("XB_FUZZ_SYSADMIN=" + admin_token)
    users = get(base, "/api/v1/users?q=" + VICTIM, admin_token)["items"]
    print("XB_FUZZ_VICTIM=" + next(u["id"] for u in users if u["username"] == VICTIM))
    print("XB_FUZZ_SECADMIN=" + sign_in(base, "anquan", demo))
    print("XB_FUZZ_AUDITOR=" + sign_in(base, "shenji", demo))
    print("XB_FUZZ_STUDENT=" + sign_in(base, "cao.tongxue", demo))


if __name__ == "__main__":
    main()

//! Signing in as the first administrator or as a fresh user of any role.

use reqwest::{Method, RequestBuilder, Response};
use serde::Serialize;
use serde_json::{Value, json};

use crate::TestApp;

/// The password test users end up with after their first sign-in.
pub const READY_PASSWORD: &str = "Xiaoban#2026!";
const INITIAL_PASSWORD: &str = "Initial#Pass2026";

impl TestApp {
    /// Signs in; returns the response body (tokens and user), asserting 200.
    pub async fn login(&self, username: &str, password: &str) -> Value {
        let res = self
            .post_json(
                "/api/v1/auth/login",
                &json!({"username": username, "password": password}),
            )
            .await;
        assert_eq!(res.status(), 200, "sign-in of {username} failed");
        res.json().await.expect("token body")
    }

    /// Changes the password of a freshly signed-in user; returns the new access token.
    pub async fn change_password(&self, access_token: &str, old: &str, new: &str) -> String {
        let res = self
            .as_user(access_token, Method::POST, "/api/v1/me/password")
            .json(&json!({"oldPassword": old, "newPassword": new}))
            .send()
            .await
            .expect("POST /me/password");
        assert_eq!(res.status(), 200, "password change failed");
        let body: Value = res.json().await.expect("token body");
        body["accessToken"].as_str().expect("accessToken").to_owned()
    }

    /// The first administrator, signed in with the password already changed.
    pub async fn admin_token(&self) -> String {
        let body = self.login("admin", &self.first_admin_password).await;
        let token = body["accessToken"].as_str().expect("accessToken").to_owned();
        if body["user"]["mustChangePassword"] == true {
            return self
                .change_password(&token, &self.first_admin_password, READY_PASSWORD)
                .await;
        }
        token
    }

    /// A new user holding `role` (scope: all), signed in and past the first password change.
    /// Returns the username and an access token.
    pub async fn user_with_role(&self, role: &str) -> (String, String) {
        let username = format!(
            "{}{}",
            role.replace('_', ""),
            &uuid::Uuid::now_v7().simple().to_string()[24..]
        );
        self.services
            .admin_create_user(&username, &username, role, Some(INITIAL_PASSWORD.to_owned()))
            .await
            .expect("create a test user");
        let body = self.login(&username, INITIAL_PASSWORD).await;
        let token = body["accessToken"].as_str().expect("accessToken");
        let token = self
            .change_password(token, INITIAL_PASSWORD, READY_PASSWORD)
            .await;
        (username, token)
    }

    /// An access token of a signed-in staff member (教职工), for endpoints any user may call.
    pub async fn staff_token(&self) -> String {
        self.user_with_role("staff").await.1
    }

    /// A request carrying `Authorization: Bearer <token>`.
    pub fn as_user(&self, token: &str, method: Method, path: &str) -> RequestBuilder {
        self.request(method, path).bearer_auth(token)
    }

    pub async fn get_as(&self, token: &str, path: &str) -> Response {
        self.as_user(token, Method::GET, path).send().await.expect("GET")
    }

    pub async fn post_as(&self, token: &str, path: &str, body: &impl Serialize) -> Response {
        self.as_user(token, Method::POST, path)
            .json(body)
            .send()
            .await
            .expect("POST")
    }
}

//! Passerelle SPA entry point: installs the panic hook, then mounts the application.

mod api;
mod app;
mod components;
mod i18n;
mod navigateur;
mod pages;
mod state;

fn main() {
    components::panne::installer_hook_de_panique();
    leptos::mount::mount_to_body(app::App);
}

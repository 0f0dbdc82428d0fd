//! Which graphics path draws the window, and what is tried next when it cannot start.
//!
//! Office PCs vary: virtual machines, Remote Desktop sessions and old integrated graphics often have
//! no usable Direct3D 12 or OpenGL driver. The default lets wgpu choose among Direct3D 12 (where
//! Windows' own software adapter, WARP, can stand in for a driver), Vulkan and OpenGL; if the window
//! still cannot start, riskbook starts itself again with eframe's simpler OpenGL renderer (glow).
//! Support can force one with the environment variable `RISKBOOK_RENDERER`.

use eframe::egui_wgpu::{WgpuConfiguration, WgpuSetup, WgpuSetupCreateNew};
use eframe::wgpu::Backends;

/// The environment variable that forces a renderer.
pub const ENV: &str = "RISKBOOK_RENDERER";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Renderer {
    /// wgpu, choosing among Direct3D 12, Vulkan and OpenGL (or what `WGPU_BACKEND` allows).
    Auto,
    /// wgpu with Direct3D 12 only.
    Dx12,
    /// wgpu with Vulkan only.
    Vulkan,
    /// wgpu with OpenGL only.
    Gl,
    /// eframe's own OpenGL renderer, which asks least of the driver.
    Glow,
}

impl Renderer {
    pub const ALL: [Renderer; 5] = [
        Renderer::Auto,
        Renderer::Dx12,
        Renderer::Vulkan,
        Renderer::Gl,
        Renderer::Glow,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Renderer::Auto => "auto",
            Renderer::Dx12 => "dx12",
            Renderer::Vulkan => "vulkan",
            Renderer::Gl => "gl",
            Renderer::Glow => "glow",
        }
    }

    pub fn from_name(name: &str) -> Result<Renderer, String> {
        let name = name.trim().to_ascii_lowercase();
        Renderer::ALL
            .into_iter()
            .find(|r| r.name() == name)
            .ok_or_else(|| {
                let names: Vec<&str> = Renderer::ALL.iter().map(|r| r.name()).collect();
                format!(
                    "環境変数 {ENV} の値「{name}」は使えません。{} のどれかを指定してください。",
                    names.join("、")
                )
            })
    }

    /// The renderer to start with: what `forced` names, else the default. Under Wine, whose
    /// Direct3D 12 layer ends the process instead of reporting an error, OpenGL.
    pub fn choose(forced: Option<&str>, on_wine: bool) -> Result<Renderer, String> {
        match forced {
            Some(name) if !name.trim().is_empty() => Renderer::from_name(name),
            _ if on_wine => Ok(Renderer::Gl),
            _ => Ok(Renderer::Auto),
        }
    }

    /// What to try when this renderer could not open the window.
    pub fn fallback(self) -> Option<Renderer> {
        match self {
            Renderer::Glow => None,
            _ => Some(Renderer::Glow),
        }
    }

    /// Sets `options` to draw with this renderer.
    pub fn apply(self, options: &mut eframe::NativeOptions) {
        let backends = match self {
            Renderer::Glow => {
                options.renderer = eframe::Renderer::Glow;
                return;
            }
            Renderer::Auto => None,
            Renderer::Dx12 => Some(Backends::DX12),
            Renderer::Vulkan => Some(Backends::VULKAN),
            Renderer::Gl => Some(Backends::GL),
        };
        options.renderer = eframe::Renderer::Wgpu;
        if let Some(backends) = backends {
            let mut setup = WgpuSetupCreateNew::without_display_handle();
            setup.instance_descriptor.backends = backends;
            options.wgpu_options = WgpuConfiguration {
                wgpu_setup: WgpuSetup::CreateNew(setup),
                ..Default::default()
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_falls_back_to_glow_and_support_can_force_any() {
        assert_eq!(Renderer::choose(None, false), Ok(Renderer::Auto));
        assert_eq!(Renderer::choose(Some(""), false), Ok(Renderer::Auto));
        assert_eq!(Renderer::choose(None, true), Ok(Renderer::Gl), "Wine");
        assert_eq!(Renderer::choose(Some("GLOW"), true), Ok(Renderer::Glow));
        assert_eq!(Renderer::choose(Some(" dx12 "), false), Ok(Renderer::Dx12));
        let err = Renderer::choose(Some("directx"), false).unwrap_err();
        assert!(err.contains("「directx」") && err.contains("glow"), "{err}");
        assert_eq!(Renderer::Auto.fallback(), Some(Renderer::Glow));
        assert_eq!(Renderer::Gl.fallback(), Some(Renderer::Glow));
        assert_eq!(Renderer::Glow.fallback(), None, "the last resort");
    }

    #[test]
    fn each_renderer_sets_the_options() {
        let mut options = eframe::NativeOptions::default();
        Renderer::Glow.apply(&mut options);
        assert_eq!(options.renderer, eframe::Renderer::Glow);
        Renderer::Gl.apply(&mut options);
        assert_eq!(options.renderer, eframe::Renderer::Wgpu);
        let WgpuSetup::CreateNew(setup) = &options.wgpu_options.wgpu_setup else {
            panic!("a new wgpu setup");
        };
        assert_eq!(setup.instance_descriptor.backends, Backends::GL);
    }
}

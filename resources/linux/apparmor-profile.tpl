# Spark Journal's AppArmor profile, installed by the .deb to /etc/apparmor.d/${executable}.
# Ubuntu 24.04 and later forbid unprivileged user namespaces unless a profile allows them,
# and Chromium's sandbox (which Electron uses for every renderer) needs one: without this,
# the app aborts with "The SUID sandbox helper binary was found, but is not configured
# correctly". The profile grants exactly that and confines nothing else, the same as the
# profiles Ubuntu ships for other Chromium-based browsers. electron-builder's post-install
# script checks that this AppArmor understands abi/4.0 and otherwise skips it (22.04 and
# older need no profile).
abi <abi/4.0>,
include <tunables/global>

profile "${executable}" "/opt/${sanitizedProductName}/${executable}" flags=(unconfined) {
  userns,

  # Site-specific additions and overrides. See local/README for details.
  include if exists <local/${executable}>
}

#!/usr/bin/env bash
# The thumbnail benchmark, from nothing to its tables: installs the tools it needs, fetches the
# corpus from Debian's wallpaper packages into bench/corpus/ (gitignored), builds the benchmark in
# Release and runs it. Safe to run again: whatever is already there is kept.
#
#   bash bench/thumbnails.sh [benchmark options, e.g. --seconds 30]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$root/bench/corpus"
debs="$corpus/debs"
unpacked="$corpus/unpacked"
photos="$corpus/photos"
manifest="$corpus/corpus.tsv"
project="$root/bench/DaprPhotos.Bench.Thumbnails"

# name | Debian package (bookworm) | path inside the package | what it is
originals=(
  "kleiber.jpg|lomiri-wallpapers-20.04|usr/share/backgrounds/Kleiber_by_Lukas_Baubkus.jpg|photo"
  "painting-colors.jpg|lomiri-wallpapers-20.04|usr/share/backgrounds/Painting-Colors_by__herobrine7gamer.jpg|render"
  "elephants.jpg|mate-backgrounds|usr/share/backgrounds/mate/abstract/Elephants_5640x3172.jpg|photo"
  "seeding.jpg|lomiri-wallpapers-16.04|usr/share/backgrounds/seeding_by_Clements_Engelhardt.jpg|photo"
  "dragonfly.jpg|lomiri-wallpapers-16.04|usr/share/backgrounds/Dragonfly_by_Bolly.jpg|photo"
  "sunset.jpg|lomiri-wallpapers-16.04|usr/share/backgrounds/sunset_by_Aitzol_Berasategi.jpg|photo"
  "bridge.jpg|lomiri-wallpapers-16.04|usr/share/backgrounds/Bridge_by_Sander_Klootwijk.jpg|photo"
  "wine-portrait.jpg|lomiri-wallpapers-16.04|usr/share/backgrounds/Wine_by_Jakkub_Mede.jpg|photo"
  "free.jpg|lomiri-wallpapers-16.04|usr/share/backgrounds/free_by_Peter_Nerlich.jpg|photo"
  "wood.jpg|mate-backgrounds|usr/share/backgrounds/mate/nature/Wood.jpg|photo"
  "colorfulcups.jpg|plasma-workspace-wallpapers|usr/share/wallpapers/ColorfulCups/contents/images/2560x1600.jpg|photo"
  "kite.jpg|plasma-workspace-wallpapers|usr/share/wallpapers/Kite/contents/images/2560x1600.jpg|photo"
  "milkyway.png|plasma-workspace-wallpapers|usr/share/wallpapers/MilkyWay/contents/images/5120x2880.png|render"
  "patak.png|plasma-workspace-wallpapers|usr/share/wallpapers/Patak/contents/images/5120x2880.png|render"
  "elarun.png|plasma-workspace-wallpapers|usr/share/wallpapers/Elarun/contents/images/2560x1600.png|render"
)
packages=(lomiri-wallpapers-20.04 lomiri-wallpapers-16.04 mate-backgrounds plasma-workspace-wallpapers)

updated=no
apt_update_once() {
  if [[ $updated == no ]]; then
    apt-get update -qq
    updated=yes
  fi
}

# 1. Tools: vipsthumbnail (a peer), jpegtran/exiftool/cwebp (derived corpus files), taskset (cores).
missing=()
command -v vipsthumbnail >/dev/null || missing+=(libvips-tools)
command -v jpegtran >/dev/null || missing+=(libjpeg-turbo-progs)
command -v exiftool >/dev/null || missing+=(libimage-exiftool-perl)
command -v cwebp >/dev/null || missing+=(webp)
command -v taskset >/dev/null || missing+=(util-linux)
if ((${#missing[@]})); then
  echo "Installing ${missing[*]}"
  apt_update_once
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. Packages: downloaded (not installed) and unpacked once.
mkdir -p "$debs" "$unpacked" "$photos"
for package in "${packages[@]}"; do
  if ! compgen -G "$debs/${package}_*.deb" >/dev/null; then
    apt_update_once
    (cd "$debs" && apt-get download -qq -o APT::Sandbox::User=root "$package")
  fi
  if [[ ! -d "$unpacked/$package" ]]; then
    dpkg-deb -x "$debs/${package}"_*.deb "$unpacked/$package.partial"
    mv "$unpacked/$package.partial" "$unpacked/$package"
  fi
done

# 3. The corpus: originals copied as they are, then four derived files, each saying what changed.
printf 'file\tpackage\tpath\tkind\n' >"$manifest.partial"
for entry in "${originals[@]}"; do
  IFS='|' read -r name package path kind <<<"$entry"
  [[ -f "$photos/$name" ]] || cp "$unpacked/$package/$path" "$photos/$name"
  printf '%s\t%s\t%s\t%s\n' "$name" "$package" "$path" "$kind" >>"$manifest.partial"
done

derived() { # name, source, what was done: made once, listed always
  printf '%s\t%s\t%s\t%s\n' "$1" "derived from $2" "$3" photo >>"$manifest.partial"
  [[ ! -f "$photos/$1" ]]
}
# Camera and phone JPEGs are baseline; these two are progressive originals re-packed losslessly.
for name in seeding dragonfly; do
  if derived "$name-baseline.jpg" "$name.jpg" "jpegtran -copy all -optimize (baseline, same pixels)"; then
    jpegtran -copy all -optimize "$photos/$name.jpg" >"$photos/$name-baseline.jpg.partial"
    mv "$photos/$name-baseline.jpg.partial" "$photos/$name-baseline.jpg"
  fi
done
# A portrait phone photo is stored sideways with EXIF orientation 6; only that tag differs.
if derived kleiber-rot6.jpg kleiber.jpg "exiftool -Orientation=6"; then
  rm -f "$photos/kleiber-rot6.partial.jpg"
  exiftool -q -n -Orientation=6 -o "$photos/kleiber-rot6.partial.jpg" "$photos/kleiber.jpg"
  mv "$photos/kleiber-rot6.partial.jpg" "$photos/kleiber-rot6.jpg"
fi
# No photograph in these packages is WebP (gnome-backgrounds' WebPs are renders): encode one.
if derived sunset.webp sunset.jpg "cwebp -q 85"; then
  cwebp -quiet -q 85 "$photos/sunset.jpg" -o "$photos/sunset.partial.webp"
  mv "$photos/sunset.partial.webp" "$photos/sunset.webp"
fi
mv "$manifest.partial" "$manifest"

# 4. Build and run; the benchmark prints Markdown and writes nothing into the repository.
dotnet build "$project" -c Release -v quiet -nologo -clp:NoSummary >&2
exec dotnet "$project/bin/Release/net10.0/DaprPhotos.Bench.Thumbnails.dll" --corpus "$corpus" "$@"

// The laptop's network addresses a room may listen on, best first. Phones reach the laptop over
// the room's Wi-Fi (or the laptop's own hotspot); Docker, VirtualBox, WSL and VPN adapters have
// addresses no phone can reach, so they come last, where the facilitator can still pick them.
// Pure: takes what os.networkInterfaces() returns, so the ranking is tested on every OS's names.
import type { RoomAddress } from './protocol';

type InterfaceInfo = { address: string; family: string | number; internal: boolean };

const RANK: Record<RoomAddress['kind'], number> = { wifi: 0, hotspot: 1, ethernet: 2, other: 3, vpn: 4, virtual: 5, loopback: 6 };
const LABEL: Record<RoomAddress['kind'], string> = {
  wifi: 'Wi-Fi',
  hotspot: 'Hotspot',
  ethernet: 'Cable network',
  other: 'Network',
  vpn: 'VPN (phones usually cannot reach it)',
  virtual: 'Virtual adapter (phones cannot reach it)',
  loopback: 'This computer only',
};

export function classifyInterface(name: string, address: string): RoomAddress['kind'] {
  const n = name.toLowerCase();
  if (address.startsWith('127.')) return 'loopback';
  if (/docker|^br-|veth|virbr|vmnet|vbox|virtualbox|vethernet|hyper-v|wsl|lxc|lxd|podman|cni|flannel|utm|parallels/.test(n)) return 'virtual';
  if (/^(tun|tap|utun|wg|ppp|ipsec|zt)|tailscale|zerotier|wireguard|vpn|anyconnect|fortinet|globalprotect|nordlynx/.test(n)) return 'vpn';
  // 100.64.0.0/10 is carrier-grade NAT, which Tailscale uses.
  const [a, b] = address.split('.').map(Number);
  if (a === 100 && b !== undefined && b >= 64 && b <= 127) return 'vpn';
  // Windows' Mobile Hotspot is "Local Area Connection* N" on 192.168.137.x; Linux's is often ap0.
  if (/^ap\d|hotspot|local area connection\*/.test(n) || (a === 192 && b === 168 && address.startsWith('192.168.137.'))) return 'hotspot';
  // macOS en0 is Wi-Fi on laptops; Linux wlan0 / wlp2s0; Windows "Wi-Fi" / "WLAN".
  if (/^wl|wi-?fi|wlan|wireless|^en0$|airport/.test(n)) return 'wifi';
  if (/^(eth|en|em|eno|ens|enp|enx)|ethernet|lan/.test(n)) return 'ethernet';
  return 'other';
}

/** IPv4 addresses only: an IPv6 link-local address in a URL needs a zone id that phones cannot type. */
export function rankAddresses(interfaces: Record<string, InterfaceInfo[] | undefined>): RoomAddress[] {
  const found: RoomAddress[] = [];
  for (const [interfaceName, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family !== 'IPv4' && info.family !== 4) continue;
      if (info.address === '0.0.0.0' || info.address.startsWith('169.254.')) continue;
      const kind = info.internal ? 'loopback' : classifyInterface(interfaceName, info.address);
      found.push({ address: info.address, interfaceName, kind, label: `${LABEL[kind]} · ${interfaceName}` });
    }
  }
  return found.sort((x, y) => RANK[x.kind] - RANK[y.kind] || x.interfaceName.localeCompare(y.interfaceName) || x.address.localeCompare(y.address));
}

/** An address the room may listen on: one of the computer's own, never the "any address" one. */
export function isListenableAddress(address: string, available: RoomAddress[]): boolean {
  if (address === '0.0.0.0' || address === '::' || address === '') return false;
  return available.some((a) => a.address === address);
}

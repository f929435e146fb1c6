// What the phones may know, and nothing more.
import { describe, expect, it } from 'vitest';
import { buildRoomState, wifiQrText } from '../../../renderer/domain/room';
import { scoreDistribution } from '../../../renderer/domain/scoring';
import { makeParticipant, makeRound, makeScore, makeUseCase, makeWorkshop } from '../../fixtures/factories';
import { classifyInterface, isListenableAddress, rankAddresses } from '../../../room/addresses';

const ws = makeWorkshop({ name: 'Logistik-Workshop' });
const uc = makeUseCase({ id: 'uc-1', title: 'Retourenbegründung klassifizieren', problem: 'Zu viele Retouren', businessOwner: 'Jörg Überschär', notes: 'vertraulich', dataSources: 'WMS' });
const other = makeUseCase({ id: 'uc-2', title: 'Lagerplatzoptimierungsvorhersage' });
const ana = makeParticipant({ id: 'p-1', name: 'Ana' });
const bo = makeParticipant({ id: 'p-2', name: '이서연' });
const r1 = makeRound({ id: 'r-1', useCaseId: 'uc-1', number: 1, revealedAt: '2026-12-01T10:00:00.000Z' });
const r2 = makeRound({ id: 'r-2', useCaseId: 'uc-1', number: 2, revealedAt: null });
const scores = [
  makeScore({ roundId: 'r-2', participantId: 'p-1', criterion: 'impact', value: 5 }),
  makeScore({ roundId: 'r-2', participantId: 'p-1', criterion: 'feasibility', value: 3 }),
  makeScore({ roundId: 'r-2', participantId: 'p-1', criterion: 'readiness', value: 2 }),
  makeScore({ roundId: 'r-2', participantId: 'p-2', criterion: 'impact', value: 1 }),
];
const input = { workshop: ws, useCases: [uc, other], participants: [ana, bo], rounds: [r1, r2] };

describe('the room state', () => {
  it('holds only the chosen use cases’ titles, problems and latest rounds, the rubrics and the names: no score, nor who scored, owner, note or source', () => {
    const state = buildRoomState(input, { useCaseIds: ['uc-1'], closedRoundIds: [], allowNewParticipants: false });
    expect(state.items).toEqual([{ useCaseId: 'uc-1', roundId: 'r-2', roundNumber: 2, title: 'Retourenbegründung klassifizieren', problem: 'Zu viele Retouren', status: 'open' }]);
    expect(state.participants).toEqual([{ id: 'p-1', name: 'Ana' }, { id: 'p-2', name: '이서연' }]);
    const text = JSON.stringify(state);
    for (const secret of ['Jörg', 'vertraulich', 'WMS', 'Lagerplatz', '"value"', 'submitted']) expect(text).not.toContain(secret);
    expect(state.criteria.map((c) => c.rubric.length)).toEqual([5, 5, 5]);
  });

  it('says a round is closed when the facilitator stopped it, and revealed once it is', () => {
    expect(buildRoomState(input, { useCaseIds: ['uc-1'], closedRoundIds: ['r-2'], allowNewParticipants: true }).items[0]?.status).toBe('closed');
    const revealed = { ...input, rounds: [r1, { ...r2, revealedAt: '2026-12-01T11:00:00.000Z' }] };
    expect(buildRoomState(revealed, { useCaseIds: ['uc-1'], closedRoundIds: ['r-2'], allowNewParticipants: true }).items[0]?.status).toBe('revealed');
  });

  it('leaves out a chosen use case that has no round yet, or that was deleted', () => {
    expect(buildRoomState(input, { useCaseIds: ['uc-2', 'gone'], closedRoundIds: [], allowNewParticipants: false }).items).toEqual([]);
  });
});

describe('the distribution after the reveal', () => {
  it('counts how many people gave each score, for listed participants only', () => {
    expect(scoreDistribution(scores, ['p-1', 'p-2'], 'impact')).toEqual([1, 0, 0, 0, 1]);
    expect(scoreDistribution(scores, ['p-2'], 'impact')).toEqual([1, 0, 0, 0, 0]);
  });
});

describe('the Wi-Fi QR code', () => {
  it('escapes the characters the format reserves', () => {
    expect(wifiQrText('Raum 3; "Gäste"', 'p:a,s\\s', 'WPA')).toBe('WIFI:T:WPA;S:Raum 3\\; \\"Gäste\\";P:p\\:a\\,s\\\\s;;');
    expect(wifiQrText('Open', '', 'nopass')).toBe('WIFI:T:nopass;S:Open;;');
  });
});

describe('the network addresses a room may use', () => {
  it('puts Wi-Fi and hotspot first and virtual, VPN and loopback adapters last, IPv4 only', () => {
    const ranked = rankAddresses({
      docker0: [{ address: '172.17.0.1', family: 'IPv4', internal: false }],
      'vEthernet (WSL)': [{ address: '172.30.0.1', family: 'IPv4', internal: false }],
      utun3: [{ address: '100.101.1.2', family: 'IPv4', internal: false }],
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
      'Wi-Fi': [
        { address: 'fe80::1', family: 'IPv6', internal: false },
        { address: '192.168.1.23', family: 'IPv4', internal: false },
      ],
      'Local Area Connection* 2': [{ address: '192.168.137.1', family: 'IPv4', internal: false }],
      eth0: [{ address: '10.0.0.5', family: 'IPv4', internal: false }],
      en7: [{ address: '169.254.3.3', family: 'IPv4', internal: false }],
    });
    expect(ranked.map((a) => `${a.kind} ${a.address}`)).toEqual([
      'wifi 192.168.1.23',
      'hotspot 192.168.137.1',
      'ethernet 10.0.0.5',
      'vpn 100.101.1.2',
      'virtual 172.17.0.1',
      'virtual 172.30.0.1',
      'loopback 127.0.0.1',
    ]);
  });

  it('names macOS, Linux and Windows adapters', () => {
    expect(classifyInterface('en0', '192.168.0.4')).toBe('wifi');
    expect(classifyInterface('wlp2s0', '192.168.0.4')).toBe('wifi');
    expect(classifyInterface('WLAN', '192.168.0.4')).toBe('wifi');
    expect(classifyInterface('bridge100', '192.168.2.1')).toBe('other');
    expect(classifyInterface('tailscale0', '100.64.0.2')).toBe('vpn');
    expect(classifyInterface('vboxnet0', '192.168.56.1')).toBe('virtual');
  });

  it('never allows the any-address, only the computer’s own', () => {
    const own = rankAddresses({ 'Wi-Fi': [{ address: '192.168.1.23', family: 'IPv4', internal: false }] });
    expect(isListenableAddress('0.0.0.0', own)).toBe(false);
    expect(isListenableAddress('::', own)).toBe(false);
    expect(isListenableAddress('192.168.1.99', own)).toBe(false);
    expect(isListenableAddress('192.168.1.23', own)).toBe(true);
  });
});

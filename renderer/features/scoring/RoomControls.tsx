// Phones in the room: the facilitator opens the room from Scoring (choosing the network address),
// puts use cases on the phones, sees which phones joined and who has submitted (never a value),
// and the projector shows the join screen: a large QR code, the address as text and a room code.
import { useEffect, useState } from 'react';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { useAppStore, type RoomSession } from '../../app/store';
import type { Participant, UseCase, Workshop } from '../../domain/model';
import { wifiQrText } from '../../domain/room';
import { roomBridge } from '../../lib/room-bridge';
import { Dialog } from '../../shared/Dialog';
import { QrCode } from '../../shared/QrCode';
import { useT } from '../../i18n/react';
import type { RoomAddress } from '../../../room/protocol';

const FIREWALL_NOTE_KEY = 'liftoff-room-firewall-note-seen';

/** The room's session for this workshop, or null. */
export function useRoom(workshopId: string): RoomSession | null {
  return useAppStore((s) => (s.room?.workshopId === workshopId ? s.room : null));
}

/** Puts a use case on the phones (starting its round if none is open) or takes it off. */
export async function toggleOnPhones(room: RoomSession, useCaseId: string, on: boolean): Promise<void> {
  const { patchRoom } = useAppStore.getState();
  if (!on) {
    patchRoom({ useCaseIds: room.useCaseIds.filter((id) => id !== useCaseId) });
    return;
  }
  const round = await save(() => repos.scoring.startRound(useCaseId));
  if (!round) return;
  const current = useAppStore.getState().room;
  if (current && !current.useCaseIds.includes(useCaseId)) patchRoom({ useCaseIds: [...current.useCaseIds, useCaseId] });
}

export function OpenRoomButton({ workshop, selected }: { workshop: Workshop; selected: UseCase | null }) {
  const room = useRoom(workshop.id);
  const stopped = useAppStore((s) => s.roomStopped);
  const [open, setOpen] = useState(false);
  const { t } = useT();
  if (room) return null;
  return (
    <>
      <button type="button" className="btn btn-small btn-primary facilitator-only" onClick={() => setOpen(true)} data-testid="open-room">
        {t('scoring.room.open')}
      </button>
      {stopped ? (
        <p className="field-hint facilitator-only room-stopped" role="status">
          {stopped}
        </p>
      ) : null}
      <OpenRoomDialog workshop={workshop} selected={selected} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function OpenRoomDialog({ workshop, selected, open, onClose }: { workshop: Workshop; selected: UseCase | null; open: boolean; onClose: () => void }) {
  const { t } = useT();
  const [addresses, setAddresses] = useState<RoomAddress[] | null>(null);
  const [address, setAddress] = useState('');
  const [allowNew, setAllowNew] = useState(false);
  const [wifiOn, setWifiOn] = useState(false);
  const [ssid, setSsid] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const bridge = roomBridge();
  const showFirewall = bridge.platform() === 'win32' && !localStorage.getItem(FIREWALL_NOTE_KEY);

  useEffect(() => {
    if (!open) return;
    void bridge
      .available()
      .then((ok) => {
        if (!ok) throw new Error(t('scoring.room.unavailable'));
        return bridge.addresses();
      })
      .then((list) => {
        setError(null);
        setAddresses(list);
        setAddress((a) => a || list[0]?.address || '');
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [open, bridge, t]);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const info = await bridge.open({ address });
      if (showFirewall) localStorage.setItem(FIREWALL_NOTE_KEY, '1');
      useAppStore.getState().setRoom({
        workshopId: workshop.id,
        info,
        devices: [],
        useCaseIds: [],
        closedRoundIds: [],
        allowNewParticipants: allowNew,
        showJoin: true,
        wifi: wifiOn && ssid.trim() ? { ssid: ssid.trim(), password, security: password ? 'WPA' : 'nopass' } : null,
        firstPhoneAt: null,
      });
      const room = useAppStore.getState().room;
      if (room && selected) await toggleOnPhones(room, selected.id, true);
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('scoring.room.title')} open={open} onClose={onClose}>
      <p>{t('scoring.room.intro')}</p>
      {addresses && addresses.length === 0 ? <p className="field-error">{t('scoring.room.noAddress')}</p> : null}
      {addresses && addresses.length > 0 ? (
        <fieldset className="room-addresses">
          <legend>{t('scoring.room.network')}</legend>
          {addresses.map((a, index) => (
            <label key={`${a.interfaceName}-${a.address}`} className="room-address">
              <input type="radio" name="room-address" value={a.address} checked={address === a.address} onChange={() => setAddress(a.address)} />
              <span>
                {a.address} <span className="muted">· {t(`scoring.room.kind.${a.kind}`)} · {a.interfaceName}</span>
                {index === 0 ? <span className="muted">{t('scoring.room.bestGuess')}</span> : null}
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <label className="checkbox-row">
        <input type="checkbox" checked={allowNew} onChange={(e) => setAllowNew(e.target.checked)} /> {t('scoring.room.allowNew')}
      </label>
      <label className="checkbox-row">
        <input type="checkbox" checked={wifiOn} onChange={(e) => setWifiOn(e.target.checked)} /> {t('scoring.room.wifiQr')}
      </label>
      {wifiOn ? (
        <div className="room-wifi">
          <label>
            {t('scoring.room.wifiName')}
            <input type="text" value={ssid} maxLength={32} onChange={(e) => setSsid(e.target.value)} />
          </label>
          <label>
            {t('scoring.room.wifiPassword')}
            <input type="text" value={password} maxLength={63} onChange={(e) => setPassword(e.target.value)} autoComplete="off" />
          </label>
        </div>
      ) : null}
      {showFirewall ? (
        <p className="room-note" role="note">
          {t('scoring.room.firewallStart')} <strong>{t('scoring.room.firewallPrivate')}</strong> {t('scoring.room.firewallEnd')}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="btn btn-primary" disabled={!address || busy} onClick={() => void start()} data-testid="start-room">
          {t('scoring.room.start')}
        </button>
      </div>
    </Dialog>
  );
}

/** The facilitator's view of the open room: who joined, what is on the phones, and the way out. */
export function RoomPanel({ workshop, useCases, participants }: { workshop: Workshop; useCases: UseCase[]; participants: Participant[] }) {
  const room = useRoom(workshop.id);
  const [help, setHelp] = useState(false);
  const { t } = useT();
  if (!room) return null;
  const { patchRoom } = useAppStore.getState();
  const connected = room.devices.filter((d) => d.connected).length;
  const close = async () => {
    await roomBridge()
      .close()
      .catch(() => undefined);
    useAppStore.getState().setRoom(null, t('scoring.room.closedMessage'));
  };
  return (
    <section className="panel room-panel facilitator-only" aria-label={t('scoring.room.panelLabel')} data-testid="room-panel">
      <div className="room-panel-head">
        <QrCode text={room.info.joinUrl} label={t('scoring.room.qrLabel')} className="room-qr-small" />
        <div>
          <p className="room-url">
            <span className="muted">{t('scoring.room.phones')}</span>
            <strong>{room.info.url}</strong> · {t('scoring.room.code')} <strong data-testid="room-code">{room.info.code}</strong>
          </p>
          <p role="status" data-testid="room-devices">
            {room.devices.length === 0
              ? t('scoring.room.noPhoneYet')
              : t('scoring.room.phonesJoined', { count: room.devices.length, connected })}
          </p>
          <div className="room-actions">
            <button type="button" className={`btn btn-small ${room.showJoin ? 'btn-selected' : ''}`} aria-pressed={room.showJoin} onClick={() => patchRoom({ showJoin: !room.showJoin })}>
              {room.showJoin ? t('scoring.room.projectorJoin') : t('scoring.showJoin')}
            </button>
            <button type="button" className="btn btn-small" onClick={() => setHelp(!help)} aria-expanded={help}>
              {t('scoring.room.cannotConnect')}
            </button>
            <button type="button" className="btn btn-small btn-danger" onClick={() => void close()} data-testid="close-room">
              {t('scoring.room.close')}
            </button>
          </div>
        </div>
      </div>
      {help ? <RoomHelp /> : null}
      <details className="room-details">
        <summary>{t('scoring.room.onPhones', { count: room.useCaseIds.length })}</summary>
        <ul className="room-usecases">
          {useCases.map((u) => (
            <li key={u.id}>
              <label className="checkbox-row">
                <input type="checkbox" checked={room.useCaseIds.includes(u.id)} onChange={(e) => void toggleOnPhones(room, u.id, e.target.checked)} />
                <span className="room-usecase-title">{u.title}</span>
              </label>
            </li>
          ))}
        </ul>
      </details>
      {room.devices.length > 0 ? (
        <details className="room-details">
          <summary>{t('scoring.room.phonesList', { count: room.devices.length })}</summary>
          <ul className="room-devices">
            {room.devices.map((d) => (
              <li key={d.deviceId}>
                <span>{d.name}</span> <span className="muted">{d.connected ? t('scoring.room.connected') : t('scoring.room.notConnected')}</span>
                {participants.some((p) => p.id === d.participantId) ? null : <span className="muted">{t('scoring.room.noLongerParticipant')}</span>}{' '}
                <button type="button" className="btn btn-small" onClick={() => void roomBridge().removeDevice(d.deviceId)}>
                  {t('scoring.room.removePhone')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

export function RoomHelp() {
  const { t } = useT();
  return (
    <div className="room-help" role="note">
      <h3>{t('scoring.room.helpTitle')}</h3>
      <ul>
        <li>{t('scoring.room.help1')}</li>
        <li>{t('scoring.room.help2')}</li>
        <li>{t('scoring.room.help3')}</li>
        <li>{t('scoring.room.help4')}</li>
      </ul>
    </div>
  );
}

/** What the projector shows while people join: the QR code large, the address and the code as text. */
export function JoinScreen({ room, participants }: { room: RoomSession; participants: Participant[] }) {
  const joined = new Set(room.devices.map((d) => d.participantId));
  // The room reads this: the workshop's language on the projector.
  const { t } = useT();
  return (
    <section className="join-screen" aria-label={t('join.label')} data-testid="join-screen">
      <div className="join-qr">
        <QrCode text={room.info.joinUrl} label={t('join.qrLabel', { url: room.info.url })} className="room-qr-large" />
      </div>
      <div className="join-text">
        <h2 className="join-title">{t('join.title')}</h2>
        <ol className="join-steps">
          <li>{room.wifi ? t('join.wifiNamed', { ssid: room.wifi.ssid }) : t('join.sameWifi')}</li>
          <li>{t('join.scan')}</li>
        </ol>
        <p className="join-url">{room.info.url}</p>
        <p className="join-code">
          {t('join.code')} <strong>{room.info.code}</strong>
        </p>
        {room.wifi ? (
          <div className="join-wifi">
            <QrCode text={wifiQrText(room.wifi.ssid, room.wifi.password, room.wifi.security)} label={t('join.wifiQrLabel', { ssid: room.wifi.ssid })} className="room-qr-wifi" />
            <span>{t('join.wifi', { ssid: room.wifi.ssid })}</span>
          </div>
        ) : null}
        <p className="join-count" role="status">
          {t('join.count', { joined: joined.size, total: participants.length })}
        </p>
      </div>
    </section>
  );
}

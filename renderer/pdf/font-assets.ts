// The PDF fonts as files bundled with the app (vite emits them next to the scripts), fetched from
// our own origin when a PDF is made: nothing comes from the network, and the 5.5 MB CJK font is
// only fetched for a document that has CJK text.
import dejavuSans from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import dejavuSansBold from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import notoSansJp from '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf?url';
import notoSansJpBold from '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf?url';
import type { FontKey, FontSource } from './fonts';

const URLS: Record<FontKey, string> = {
  sans: dejavuSans,
  'sans-bold': dejavuSansBold,
  cjk: notoSansJp,
  'cjk-bold': notoSansJpBold,
};

export const bundledFontSource: FontSource = async (key) => {
  const response = await fetch(URLS[key]);
  if (!response.ok) throw new Error(`The font for the PDF could not be read (${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
};

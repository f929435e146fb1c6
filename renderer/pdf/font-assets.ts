// The PDF fonts as files bundled with the app (vite emits them next to the scripts), fetched from
// our own origin when a PDF is made: nothing comes from the network, and each CJK font (5–10 MB)
// is only fetched for a document that has a character it is needed for.
import dejavuSans from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import dejavuSansBold from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import notoSansJp from '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf?url';
import notoSansJpBold from '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf?url';
import notoSansSc from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';
import notoSansKr from '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf?url';
import type { FontKey, FontSource } from './fonts';

const URLS: Record<FontKey, string> = {
  sans: dejavuSans,
  'sans-bold': dejavuSansBold,
  cjk: notoSansJp,
  'cjk-bold': notoSansJpBold,
  sc: notoSansSc,
  kr: notoSansKr,
};

export const bundledFontSource: FontSource = async (key) => {
  const response = await fetch(URLS[key]);
  if (!response.ok) throw new Error(`The font for the PDF could not be read (${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
};

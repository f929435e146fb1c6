// The bundled fonts, read from node_modules as the browser build fetches them from its assets.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FontKey, FontSource } from '../../../renderer/pdf/fonts';

const FILES: Record<FontKey, string> = {
  sans: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  'sans-bold': 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  cjk: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  'cjk-bold': '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
  sc: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  kr: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
};

export const loaded: FontKey[] = [];

export const nodeFontSource: FontSource = async (key) => {
  loaded.push(key);
  const path = fileURLToPath(new URL(`../../../node_modules/${FILES[key]}`, import.meta.url));
  return new Uint8Array(await readFile(path));
};

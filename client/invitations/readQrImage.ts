/**
 * Reads the text of a QR code in a photo or picture (a phone's camera, a
 * saved screenshot), on this device: `jsqr` (a small, pure-JavaScript QR
 * reader) looks at the pixels; nothing is sent anywhere. Loaded only when a
 * picture is read. Undefined when no QR code is found.
 */
export async function readQrImage(file: Blob): Promise<string | undefined> {
  const [{ default: jsQR }, bitmap] = await Promise.all([import('jsqr'), createImageBitmap(file)])
  const canvas = document.createElement('canvas')
  canvas.width = bitmap.width
  canvas.height = bitmap.height
  const context = canvas.getContext('2d')
  if (!context) return undefined
  context.drawImage(bitmap, 0, 0)
  const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height)
  return jsQR(pixels.data, pixels.width, pixels.height)?.data
}

import { useEffect, useRef, useState } from 'react';
import { Box, Typography } from '@strapi/design-system';
import { useT } from '../../utils/labels';

/** Starts a camera stream in the video element; `play()` may be interrupted while the stream starts. */
const play = async (element: HTMLVideoElement) => {
  for (let attempt = 1; ; attempt++) {
    try {
      await element.play();
      return;
    } catch (error) {
      if (attempt === 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
};

/**
 * The device camera reading QR codes. @zxing/browser (loaded only when the camera is turned on)
 * decodes the frames; the stream and the frame loop are ours, because the library's own
 * (`decodeFromConstraints`) waits forever, silently, when the video starts playing before it
 * listens for `canplay`, and sizes its canvas once, before the camera may have said its size.
 * Each code read is handed on once; the same code again only once it has been out of sight for
 * a while, so that a code held in front of the camera is checked in once, not refused as
 * "already checked in" every few seconds.
 */
export const Scanner = ({ onCode }: { onCode: (text: string) => void }) => {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const handler = useRef(onCode);
  handler.current = onCode;
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = { text: '', at: 0 };
    const release = () => stream?.getTracks().forEach((track) => track.stop());
    const read = (text: string) => {
      const now = Date.now();
      const seen = text === last.text && now - last.at < 3000;
      last = { text, at: now };
      if (!seen) handler.current(text);
    };
    (async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new Error(t('checkIn.camera.unsupported', 'This browser cannot use a camera here (it needs HTTPS).'));
        const [{ BrowserQRCodeReader }, media] = await Promise.all([
          import('@zxing/browser'),
          navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }),
        ]);
        stream = media;
        const element = video.current;
        if (stopped || !element) return release();
        element.srcObject = media;
        await play(element);
        const reader = new BrowserQRCodeReader();
        const canvas = document.createElement('canvas');
        const context = canvas.getContext('2d', { willReadFrequently: true });
        if (!context) throw new Error('canvas 2d');
        const scan = () => {
          if (stopped) return;
          if (element.readyState >= element.HAVE_CURRENT_DATA && element.videoWidth > 0) {
            if (canvas.width !== element.videoWidth || canvas.height !== element.videoHeight) {
              canvas.width = element.videoWidth;
              canvas.height = element.videoHeight;
            }
            context.drawImage(element, 0, 0);
            let text: string | null = null;
            try {
              text = reader.decodeFromCanvas(canvas).getText();
            } catch {
              // No readable code in this frame.
            }
            if (text) read(text);
          }
          timer = setTimeout(scan, 150);
        };
        scan();
      } catch (error) {
        release();
        if (!stopped) setProblem(error instanceof Error ? error.message : String(error));
      }
    })();
    return () => {
      stopped = true;
      clearTimeout(timer);
      release();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Box>
      <video ref={video} muted playsInline autoPlay style={{ width: '100%', maxWidth: 420, borderRadius: 4, background: '#000' }} />
      {problem ? (
        <Typography textColor="danger600" data-testid="camera-problem">
          {t('checkIn.camera.problem', 'The camera could not start: {problem}', { problem })}
        </Typography>
      ) : (
        <Typography textColor="neutral600">{t('checkIn.camera.hint', 'Hold the QR code in front of the camera.')}</Typography>
      )}
    </Box>
  );
};

import { useEffect, useRef, useState } from 'react';
import { Box, Typography } from '@strapi/design-system';
import { useT } from '../../utils/labels';

/**
 * The device camera reading QR codes (@zxing/browser, loaded only when the camera is turned
 * on). Each code read is handed on once; the same code again only once it has been out of
 * sight for a while, so that a code held in front of the camera is checked in once, not
 * refused as "already checked in" every few seconds.
 */
export const Scanner = ({ onCode }: { onCode: (text: string) => void }) => {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const handler = useRef(onCode);
  handler.current = onCode;
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let controls: { stop: () => void } | null = null;
    let last = { text: '', at: 0 };
    (async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new Error(t('checkIn.camera.unsupported', 'This browser cannot use a camera here (it needs HTTPS).'));
        const { BrowserQRCodeReader } = await import('@zxing/browser');
        const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 150 });
        const started = await reader.decodeFromConstraints({ video: { facingMode: 'environment' } }, video.current!, (result) => {
          if (!result) return;
          const text = result.getText();
          const now = Date.now();
          const seen = text === last.text && now - last.at < 3000;
          last = { text, at: now };
          if (seen) return;
          handler.current(text);
        });
        if (stopped) started.stop();
        else controls = started;
      } catch (error) {
        if (!stopped) setProblem(error instanceof Error ? error.message : String(error));
      }
    })();
    return () => {
      stopped = true;
      controls?.stop();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Box>
      <video ref={video} muted playsInline style={{ width: '100%', maxWidth: 420, borderRadius: 4, background: '#000' }} />
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

import path from 'path';
import { fork, type ChildProcess } from 'child_process';

/** A second Strapi instance in a child process (see second-instance.js), driven by commands. */
export class SecondInstance {
  private child: ChildProcess | null = null;
  private calls = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  private next = 0;

  async start(env: Record<string, string | undefined> = {}) {
    const child = fork(path.join(__dirname, 'second-instance.js'), [], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`second instance exited with ${code}`)));
      child.on('message', (msg: any) => {
        if (msg?.ready) return resolve();
        const call = this.calls.get(msg.id);
        if (!call) return;
        this.calls.delete(msg.id);
        if (msg.error) call.reject(new Error(msg.error));
        else call.resolve(msg.result);
      });
    });
  }

  call<T = any>(cmd: string, args?: Record<string, unknown>): Promise<T> {
    const child = this.child;
    if (!child) return Promise.reject(new Error('second instance not started'));
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      this.calls.set(id, { resolve, reject });
      child.send({ id, cmd, args });
    });
  }

  async stop() {
    const child = this.child;
    if (!child) return;
    this.child = null;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.removeAllListeners('exit');
    const id = ++this.next;
    child.send({ id, cmd: 'stop' });
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15000))]);
    if (child.exitCode === null) child.kill();
  }
}

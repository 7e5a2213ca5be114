// Records what the original @vladmandic/face-api 1.7.15 computes on the fixed 112x112 crops of
// plugin/src/test/resources/org/malau/pretrained/fixtures/ (raw RGB bytes), so that the engine's own
// implementation can be checked against it (FaceApiFaithfulnessTest).
//
//   node releng/face-api/record-fixture.mjs
//
// Takes the package with `npm pack` (npm's cache; the same pinned version and SHA-512 as the engine's
// build), unpacks it with the system's tar into a temporary folder, and runs the package's own bundle
// (dist/face-api.esm.js, which carries TensorFlow.js 4.22.0) on TensorFlow.js's CPU backend: no other
// package is installed. Writes fixtures/face-api-outputs.json.
// Recorded with Node.js v20.20.2 and npm 11.19.1; the versions used are written into the output.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { types } from 'node:util';

const VERSION = '1.7.15';
const SHA512 = '5833262b709f34ba3c8f2956a8ca1081fe2722cb773347f3c7576769cf7ac2ffddbcc4cde03c42fcfab50c6b5db83935964b426a64373080d7167beb7474d70f';
const CROPS = ['lisa1.rgb', 'zoom60.rgb', 'frl001_smiling.rgb', 'noise.rgb'];
const SIZE = 112;

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = resolve(here, '../../plugin/src/test/resources/org/malau/pretrained/fixtures');
const work = mkdtempSync(join(tmpdir(), 'face-api-fixture-'));
try {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const npmVersion = execFileSync(npm, ['--version']).toString().trim();
  execFileSync(npm, ['pack', `@vladmandic/face-api@${VERSION}`, '--prefer-offline', '--silent'], { cwd: work });
  const tgz = join(work, `vladmandic-face-api-${VERSION}.tgz`);
  const sha = createHash('sha512').update(readFileSync(tgz)).digest('hex');
  if (sha !== SHA512) throw new Error(`${tgz} has SHA-512 ${sha}, not the pinned ${SHA512}`);
  execFileSync('tar', ['-xzf', tgz, '-C', work]);
  const pkg = join(work, 'package');

  // The bundle picks TensorFlow.js's Node platform when it sees `process`, and that platform needs Node's
  // util module, which the browser bundle does not carry; without `process` it loads as in a browser, and a
  // minimal platform (below) gives it the few functions the CPU backend uses.
  const proc = globalThis.process;
  globalThis.process = undefined;
  let faceapi;
  try {
    faceapi = await import(join(pkg, 'dist/face-api.esm.js'));
  } finally {
    globalThis.process = proc;
  }
  const tf = faceapi.tf;
  tf.setPlatform('plain-node', {
    fetch: globalThis.fetch,
    now: () => performance.now(),
    encode: (s) => new TextEncoder().encode(s),
    decode: (b, e) => new TextDecoder(e).decode(b),
    isTypedArray: (a) => types.isTypedArray(a),
  });
  await tf.setBackend('cpu');
  await tf.ready();
  // face-api's own environment (canvas and file access) was not set up without `process` either; its
  // networks need only the class names it checks inputs against, which its Node.js environment provides.
  faceapi.env.setEnv(faceapi.env.createNodejsEnv());

  const load = (net, name) => {
    const manifest = JSON.parse(readFileSync(join(pkg, 'model', `${name}-weights_manifest.json`)));
    const group = manifest[0];
    const data = readFileSync(join(pkg, 'model', group.paths[0]));
    const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
    net.loadFromWeightMap(tf.io.decodeWeights(buffer, group.weights));
    return net;
  };
  const landmarkNet = load(new faceapi.FaceLandmark68Net(), 'face_landmark_68_model');
  const expressionNet = load(new faceapi.FaceExpressionNet(), 'face_expression_model');

  const crops = [];
  for (const file of CROPS) {
    const bytes = readFileSync(join(fixtures, file));
    if (bytes.length !== SIZE * SIZE * 3) throw new Error(`${file} has ${bytes.length} bytes, not ${SIZE * SIZE * 3}`);
    const image = tf.tensor3d(new Float32Array(bytes), [SIZE, SIZE, 3]);
    // forward() takes the crop through the package's own input path (pad to square, resize to 112: both
    // no-ops here, mean subtraction, division by 255), as its detectors' crops go.
    const landmarks = await landmarkNet.forward(image);
    const expressions = await expressionNet.forward(image);
    crops.push({
      file,
      landmarks: Array.from(await landmarks.data()),
      expressions: Array.from(await expressions.data()),
    });
    tf.dispose([image, landmarks, expressions]);
  }
  const out = {
    package: `@vladmandic/face-api@${VERSION}`,
    sha512: SHA512,
    faceApiVersion: faceapi.version,
    tfjs: tf.version_core,
    backend: tf.getBackend(),
    node: process.version,
    npm: npmVersion,
    expressionClasses: ['neutral', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'],
    crops,
  };
  writeFileSync(join(fixtures, 'face-api-outputs.json'), `${JSON.stringify(out, null, 1)}\n`);
  console.log(`wrote ${join(fixtures, 'face-api-outputs.json')}: ${crops.length} crops`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

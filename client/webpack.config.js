// Webpack build of the browser client (PWA). Run: npm run build:client
// Output: dist/client/ (served by the server from the same origin as /graphql).
const path = require('node:path');
const zlib = require('node:zlib');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const MiniCssExtractPlugin = require('mini-css-extract-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CompressionPlugin = require('compression-webpack-plugin');
const { InjectManifest } = require('workbox-webpack-plugin');

const root = path.resolve(__dirname, '..');

/**
 * The page paints nothing until the app script has run, so that script is the first paint's critical
 * resource: fetched at high priority (still deferred) rather than the low priority of a deferred script.
 */
class HighPriorityScripts {
  apply(compiler) {
    compiler.hooks.compilation.tap('HighPriorityScripts', (compilation) => {
      HtmlWebpackPlugin.getCompilationHooks(compilation).alterAssetTags.tap('HighPriorityScripts', (data) => {
        for (const tag of data.assetTags.scripts) tag.attributes.fetchpriority = 'high';
        return data;
      });
    });
  }
}

const THEME_COLOR = '#0b4f8a';

/** @type {(env: unknown, argv: { mode?: string }) => import('webpack').Configuration} */
module.exports = (_env, argv) => {
  const production = argv.mode !== 'development';
  const compressible = /\.(js|css|html|svg|webmanifest|json|txt)$/;

  return {
    mode: production ? 'production' : 'development',
    context: root,
    entry: { main: path.resolve(__dirname, 'src/main.tsx') },
    output: {
      path: path.resolve(root, 'dist/client'),
      publicPath: '/',
      filename: production ? 'assets/[name].[contenthash:10].js' : 'assets/[name].js',
      chunkFilename: production ? 'assets/[name].[contenthash:10].js' : 'assets/[name].js',
      assetModuleFilename: 'assets/[name].[contenthash:10][ext]',
      clean: true,
    },
    devtool: production ? false : 'eval-cheap-module-source-map',
    resolve: {
      extensions: ['.tsx', '.ts', '.mjs', '.js'],
      alias: {
        react: 'preact/compat',
        'react-dom/test-utils': 'preact/test-utils',
        'react-dom': 'preact/compat',
        'react/jsx-runtime': 'preact/jsx-runtime',
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                parser: { syntax: 'typescript', tsx: true },
                target: 'es2020',
                transform: {
                  react: { runtime: 'automatic', importSource: 'preact' },
                },
              },
            },
          },
        },
        {
          test: /\.css$/,
          use: [MiniCssExtractPlugin.loader, 'css-loader'],
        },
      ],
    },
    plugins: [
      new MiniCssExtractPlugin({
        filename: production ? 'assets/[name].[contenthash:10].css' : 'assets/[name].css',
      }),
      new HtmlWebpackPlugin({
        template: path.resolve(__dirname, 'src/index.html'),
        filename: 'index.html',
        inject: 'body',
        scriptLoading: 'defer',
        templateParameters: { themeColor: THEME_COLOR },
        minify: production
          ? { collapseWhitespace: true, removeComments: true, removeRedundantAttributes: true }
          : false,
      }),
      new HighPriorityScripts(),
      new CopyWebpackPlugin({
        patterns: [{ from: path.resolve(__dirname, 'public'), to: '.' }],
      }),
      ...(production
        ? [
            new InjectManifest({
              swSrc: path.resolve(__dirname, 'src/sw.ts'),
              swDest: 'sw.js',
              // The shell: hashed assets, index.html, offline.html, manifest and icons.
              include: [/\.(js|css|html|webmanifest|png)$/],
              exclude: [/\.map$/, /\.(gz|br)$/, /^sw\.js$/],
              maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
            }),
            new CompressionPlugin({
              filename: '[path][base].gz',
              algorithm: 'gzip',
              test: compressible,
              compressionOptions: { level: 9 },
              threshold: 512,
              minRatio: 0.9,
            }),
            new CompressionPlugin({
              filename: '[path][base].br',
              algorithm: 'brotliCompress',
              test: compressible,
              compressionOptions: {
                params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY },
              },
              threshold: 512,
              minRatio: 0.9,
            }),
          ]
        : []),
    ],
    optimization: {
      splitChunks: false,
      runtimeChunk: false,
    },
    performance: {
      hints: production ? 'warning' : false,
      maxEntrypointSize: 300 * 1024,
      maxAssetSize: 300 * 1024,
    },
    devServer: {
      historyApiFallback: true,
      proxy: [{ context: ['/graphql'], target: 'http://localhost:3000' }],
    },
  };
};

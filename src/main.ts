import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import { i18n } from './i18n'
import { router } from './router'
import { requestPersistentStorage } from './db/storage'

void requestPersistentStorage()

createApp(App).use(createPinia()).use(router).use(i18n).mount('#app')

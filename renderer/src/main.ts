import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n } from './i18n'
import './style.css'
import './jobs.css'
import './codebook.css'

createApp(App).use(createPinia()).use(i18n).mount('#app')
